package dev.precept.library;

import org.apiguardian.api.API;

/** Whether an edition whose approvals do not verify may be put in force. */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public enum Drafts {
  /** Only editions whose approvals verify are in force (the default, and the safe choice). */
  REFUSED,
  /** Drafts may be in force too, for trying a policy out; every use of one must say so. */
  ALLOWED
}
