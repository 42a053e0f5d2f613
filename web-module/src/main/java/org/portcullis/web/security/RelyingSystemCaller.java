package org.portcullis.web.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The endpoint is called by a relying system, authenticated with HTTP Basic (system ID and secret).
 * The resource reads the caller with {@link Callers#system}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RelyingSystemCaller {}
