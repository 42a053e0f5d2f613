/**
 * Secure messages from senders (relying systems) to customers' handsets: the JWE format ({@link
 * org.portcullis.message.MessageJwe}), the sender's, the handset's and staff's use cases, and the
 * message and copy states. The rules are in docs/secure-messages.md.
 */
package org.portcullis.message;
