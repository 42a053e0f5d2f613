/**
 * The embedded launcher: one {@code java -jar portcullis.jar} boots embedded Payara, deploys the
 * Portcullis EAR against a data directory that survives restarts, and in demo mode seeds a demo
 * relying system and customer through the real admin API.
 */
package org.portcullis.launcher;
