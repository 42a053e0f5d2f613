/** Mail content and its MIME assembly (text and HTML alternatives, inline images); plain Java. */
package org.portcullis.mail;
