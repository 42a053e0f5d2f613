/**
 * The adapter's outbound side: the managed connection factory the server pools, the connection
 * factory and connection handles the application uses to send, all over the adapter's one shared
 * SMPP session.
 */
package org.portcullis.sms.outbound;
