/**
 * The adapter's one SMPP session and what keeps it useful: binding with the configured settings,
 * enquire_link keep-alive, reconnecting with jittered exponential backoff, the sending rate limit,
 * submitting encoded parts, and turning deliver_sm PDUs into {@link
 * org.portcullis.sms.api.InboundSms}. No container types beyond {@code ResourceException}, so tests
 * drive it directly against a real SMSC simulator.
 */
package org.portcullis.sms.session;
