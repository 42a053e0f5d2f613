/** Servlet-level concerns of the web module: security headers on every response. */
package org.portcullis.web;
