/**
 * Cinder's user messages ({@code cinder/message/}, {@code api/v3/messages.py}, 3.3+): the records
 * the services write when asynchronous work fails, listed, shown and deleted by their project until
 * they expire ({@code message_ttl}).
 */
package dev.cinderemulator.message;
