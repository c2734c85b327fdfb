package net.delonet.bloodbank.events;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Enums of payloads written on the wire as their lowercase names; any other value is refused naming them all. */
final class WireEnums {

    private WireEnums() {
    }

    static String wire(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E>> E of(E[] values, String value) {
        return Arrays.stream(values).filter(v -> wire(v).equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be one of "
                        + Arrays.stream(values).map(WireEnums::wire).collect(Collectors.joining(", "))));
    }
}
