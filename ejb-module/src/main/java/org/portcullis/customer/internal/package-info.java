/** The EJB behind customer management. */
package org.portcullis.customer.internal;
