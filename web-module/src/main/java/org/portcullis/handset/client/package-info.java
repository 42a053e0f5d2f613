/**
 * The reference handset client: enrolls a handset by server or handset OTP, generates its key pair,
 * uploads the public key and uses its access token, as a library for tests ({@link
 * org.portcullis.handset.client.HandsetClient}) and as a command line ({@link
 * org.portcullis.handset.client.HandsetCli}). It needs only the JDK and Jakarta JSON Processing, so
 * it runs outside the server; the build ships it as its own jar, never inside the WAR.
 */
package org.portcullis.handset.client;
