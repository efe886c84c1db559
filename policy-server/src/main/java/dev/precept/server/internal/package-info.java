/**
 * The server's machinery: the database and its migrations, the decision log's writer and chain,
 * API keys, the roster, HTTP routes, problem details, staff pages. Not API.
 */
package dev.precept.server.internal;
