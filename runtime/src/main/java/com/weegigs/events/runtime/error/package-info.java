/**
 * The errors that cross the wire: {@link com.weegigs.events.runtime.error.ServiceException} with
 * its {@link com.weegigs.events.runtime.error.ErrorCode}, and one subclass per code, so that callers
 * catch {@code RejectedException}, {@code NotFoundException} and the rest by type. The codes and
 * their meaning are those of docs/wire-contract.md.
 */
package com.weegigs.events.runtime.error;
