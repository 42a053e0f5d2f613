/** The EJB that gathers the dashboard's snapshot from the audit log, locks, alerts and outboxes. */
package org.portcullis.dashboard.internal;
