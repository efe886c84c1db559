package dev.precept.server.internal;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Optional;

/** Server-rendered pages for staff; sessions come from an API key turned into a cookie. */
public final class StaffPages {
  private final ServerCore core;
  private final ApiRoutes api;

  /** Pages over this server's parts. */
  public StaffPages(ServerCore core, ApiRoutes api) {
    this.core = core;
    this.api = api;
  }

  /** Adds the pages to a Javalin configuration. */
  public void install(JavalinConfig config) {
    // pages are added in the next step
  }

  /** The caller of a signed-in session, when the request carries a valid session cookie. */
  static Optional<ApiKeys.Caller> sessionCaller(Context ctx, ServerCore core) {
    return core.sessions.keyId(ctx.cookie(Sessions.COOKIE), Instant.now()).flatMap(core.keys::byId);
  }
}
