/**
 * The outbox rows and the EJBs that queue, drain, retry, purge and report them; the gateways to the
 * SMS resource adapter and the Jakarta Mail session.
 */
package org.portcullis.outbox.internal;
