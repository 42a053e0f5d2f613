/** The EJBs behind staff accounts, including the first admin created from configuration. */
package org.portcullis.staff.internal;
