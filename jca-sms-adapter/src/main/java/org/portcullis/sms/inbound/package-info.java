/**
 * The adapter's inbound side: activation specs that say which delivered messages a message-driven
 * bean wants, and the dispatcher that hands each matching message to the bean's endpoint as
 * container work.
 */
package org.portcullis.sms.inbound;
