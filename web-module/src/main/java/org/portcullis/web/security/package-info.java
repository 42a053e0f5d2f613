/**
 * Who is calling the API (relying systems and staff over HTTP Basic, customers' apps and handsets
 * with their access token) and how often they may.
 */
package org.portcullis.web.security;
