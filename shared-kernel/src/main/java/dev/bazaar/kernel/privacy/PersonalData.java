package dev.bazaar.kernel.privacy;

import dev.bazaar.kernel.identity.PersonalDataVault;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A field of an event that holds personal data (sealed by the {@link PersonalDataVault}). Readers outside the
 * platform, such as the analytics event stream, leave these fields out unless configured otherwise.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface PersonalData {

    /** A secret even to staff (a password hash): never opened for anyone. */
    boolean secret() default false;

}
