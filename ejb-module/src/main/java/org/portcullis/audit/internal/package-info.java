/** EJBs that append audit records and link them into the hash chain in the background. */
package org.portcullis.audit.internal;
