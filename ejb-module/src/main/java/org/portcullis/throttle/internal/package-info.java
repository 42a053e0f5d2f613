/** The EJB that keeps this node's token buckets and drops the idle ones. */
package org.portcullis.throttle.internal;
