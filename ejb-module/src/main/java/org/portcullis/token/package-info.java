/**
 * Access tokens (SPEC §3.7): the {@code key.secret} credentials, the rules by which using a token,
 * or logging in, extends the expiry of every token of the same terminal (plain Java), and {@link
 * org.portcullis.token.TokenService}, the EJB that logs in, approves and revokes.
 */
package org.portcullis.token;
