/** The EJBs, entity and settings behind access tokens. */
package org.portcullis.token.internal;
