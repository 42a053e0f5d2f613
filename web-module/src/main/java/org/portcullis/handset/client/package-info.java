/**
 * The reference handset client: enrolls a handset by server or handset OTP, generates its key pair,
 * uploads the public key, uses its access token, and fetches, decrypts, acknowledges, deletes and
 * answers its secure messages, as a library for tests ({@link
 * org.portcullis.handset.client.HandsetClient}, {@link
 * org.portcullis.handset.client.MessageReader}) and as a command line ({@link
 * org.portcullis.handset.client.HandsetCli}). It needs only the JDK, Jakarta JSON Processing and
 * jose4j, so it runs outside the server; the build ships it as its own jar, never inside the WAR.
 */
package org.portcullis.handset.client;
