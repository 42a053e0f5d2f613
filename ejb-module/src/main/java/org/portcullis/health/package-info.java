/** MicroProfile Health checks: when Portcullis is ready to serve. */
package org.portcullis.health;
