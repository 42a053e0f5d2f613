/**
 * Pattern tables, derivation patterns and their verification as plain Java (the rules of SPEC
 * §3.1–3.3); the service interfaces of this capability live here too, their EJBs in {@code
 * .internal}.
 */
package org.portcullis.pattern;
