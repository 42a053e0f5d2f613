/**
 * The SMS adapter's client API, the only part the application compiles against: a connection
 * factory for sending, and the listener interface message-driven beans implement to receive
 * mobile-originated messages and delivery receipts. Ships in the EAR's {@code lib/}.
 */
package org.portcullis.sms.api;
