/** How a library folder is read: finding editions, checking their approvals, ordering them. Not API. */
package dev.precept.library.internal;
