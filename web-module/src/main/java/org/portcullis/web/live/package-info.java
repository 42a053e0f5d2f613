/** The private groups' live WebSocket: one endpoint, every rule in the EJB module's hub. */
package org.portcullis.web.live;
