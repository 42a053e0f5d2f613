/**
 * Rate limiting (SPEC §3.4): token buckets per caller, plain Java, and {@link
 * org.portcullis.throttle.RateLimiter}, the EJB that keeps one bucket per key on this node.
 */
package org.portcullis.throttle;
