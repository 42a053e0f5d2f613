/**
 * The SMS and mail outboxes (SPEC §3.11, §3.12): messages are rows written in the business
 * transaction and sent by the server with retries and backoff; the states, the retry schedule and
 * the delivery-receipt rules are plain Java.
 */
package org.portcullis.outbox;
