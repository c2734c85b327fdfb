package net.delonet.bloodbank.refusal;

/** Query parameters read as numbers: absent is the default, anything else out of range or not a number a 400 naming it. */
public final class Parameters {

    private Parameters() {
    }

    public static int integer(String text, String parameter, int min, int max, int absent, String refusal) {
        if (text == null || text.isBlank()) {
            return absent;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below, like a number out of range
        }
        throw ApiException.badRequest(parameter, refusal);
    }
}
