/** The EJB that applies the lockout policy to stored counters. */
package org.portcullis.lockout.internal;
