/**
 * Alerts staff must act on — a duress answer (SPEC §3.3) — with the duty notification and the lock
 * that follow; the EJBs are in {@code .internal}.
 */
package org.portcullis.alert;
