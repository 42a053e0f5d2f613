/** The EJBs and entity behind PIN pad sessions. */
package org.portcullis.pinpad.internal;
