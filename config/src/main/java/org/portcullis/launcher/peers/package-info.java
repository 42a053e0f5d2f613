/**
 * Demo peers of the embedded launcher: an SMS gateway (SMPP 3.4, on jsmpp's server side) and a mail
 * server (SMTP, GreenMail) on loopback that show on the console what Portcullis sent them. They run
 * in a class loader of their own, apart from Payara, and are never meant for real customers.
 */
package org.portcullis.launcher.peers;
