/**
 * Test support, shipped in this module's {@code tests} jar for other modules: the SMSC simulator
 * driver and small stand-ins for the container parts an adapter needs outside a server.
 */
package org.portcullis.sms.testing;
