// Pull: what changed since a cursor that this reader may see, in server-sequence order, each
// record filtered per field by the core's readView(). One page is read in one snapshot.
//
// A page holds, in sequence order:
//  - the current state of each record changed since the cursor that the reader may see (a
//    deleted one as op "delete");
//  - for each access event of the reader (a match of theirs started or ended, a case moved to or
//    from them): every record of that case and its people again, as the reader may now see it;
//    a record they could have held but may no longer see comes as op "delete" with no fields.
//    That is how a phone learns to remove a case whose match has ended.
// For a safeguarding officer, the records of a case under an active break-the-glass grant are
// judged as its practitioner would see them (the grant and its expiry are access events, see
// sync/breakglass.h), and the records a page carries only because of a grant are audited apart
// ("break_glass.read").
// And, on the last page only (more = false), one derived `clearance` record per active match of
// a volunteer, and the removal of the clearance of a match that is no longer active.
// The cursor is the sequence of the last thing considered (core encodeCursor), so an interrupted
// pull resumes where it stopped, across restarts of the server.
#pragma once

#include "auth/authservice.h"
#include "store/store.h"
#include "sync/protocol.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace fieldbook::server {

class PullService
{
public:
    // `node` is the server's own clock id, used for the stamps of derived changes.
    explicit PullService(std::string node) : m_node(std::move(node)) {}

    // Throws ApiException invalid_cursor for a cursor the server did not issue (or one from the
    // future, as after restoring an older backup: the client then starts again without one).
    PullPage pull(Store& store, const Caller& caller, std::string_view cursor, std::size_t limit,
                  std::int64_t now) const;

private:
    std::string m_node;
};

} // namespace fieldbook::server
