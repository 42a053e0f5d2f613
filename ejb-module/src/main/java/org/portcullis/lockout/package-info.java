/**
 * Failure counters per customer and factor, with doubling lock delays and hard locks (SPEC §3.4).
 */
package org.portcullis.lockout;
