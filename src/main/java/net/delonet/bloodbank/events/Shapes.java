package net.delonet.bloodbank.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A payload accepted in more than one shape (a tolerant reader: the original Python producers' and today's). It must
 * carry every required field (not null, not blank) of at least one shape. The envelope reader checks it, the JSON
 * Schema says it as {@code anyOf}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Shapes {

    Shape[] value();

    /** One accepted shape: a title and its required fields (wire names). */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({})
    @interface Shape {
        String title();

        String[] required();
    }
}
