/** The EJB behind the relying-system registry. */
package org.portcullis.system.internal;
