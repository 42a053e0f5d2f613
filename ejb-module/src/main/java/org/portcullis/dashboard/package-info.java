/**
 * The console's dashboard (SPEC §3.10): verifications and failures per minute, locked factors, open
 * duress alerts and the outbox queues, as one snapshot read from the other capabilities.
 */
package org.portcullis.dashboard;
