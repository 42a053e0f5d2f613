package org.portcullis.web.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The endpoint is called by a customer's app or handset with its access token ({@code
 * Authorization: Bearer <key.secret>}) and its terminal ID. {@link TokenAuthenticationFilter}
 * approves the token for that terminal, which extends every token of the terminal (SPEC §3.7), or
 * answers 401 {@code login-required}; the resource reads the caller with {@link Callers#customer}.
 *
 * <p>The terminal ID comes from the path parameter named by {@link #terminalPathParam()} when one
 * is named (a handset's endpoints carry the handset id, which is its terminal), otherwise from the
 * {@value #TERMINAL_HEADER} header.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface CustomerCaller {

  /** The request header that carries the terminal ID. */
  String TERMINAL_HEADER = "Portcullis-Terminal-Id";

  /** The app IDs whose tokens may call; empty for any app. */
  String[] apps() default {};

  /** The path parameter holding the terminal ID; empty to read {@value #TERMINAL_HEADER}. */
  String terminalPathParam() default "";
}
