/**
 * Access tokens (SPEC §3.7): the {@code key.secret} credentials and the rules by which using a
 * token, or logging in, extends the expiry of every token of the same terminal. Plain Java.
 */
package org.portcullis.token;
