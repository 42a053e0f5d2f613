package org.portcullis.web.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.portcullis.staff.StaffRole;

/**
 * The endpoint is called by staff (HTTP Basic with staff credentials) holding one of {@link
 * #value()}. A method annotation overrides its class's.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface StaffCaller {
  StaffRole[] value();
}
