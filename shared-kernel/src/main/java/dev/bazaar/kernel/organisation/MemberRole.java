package dev.bazaar.kernel.organisation;

import java.util.Locale;

/**
 * What a member may do for their organisation. Owners manage everything, including other owners; managers invite
 * and remove members and change any of the organisation's listings; members act for the organisation on their
 * own listings.
 */
public enum MemberRole {

    OWNER, MANAGER, MEMBER;

    public static MemberRole parse(String value) {
        return MemberRole.valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

    public boolean manages() {
        return this == OWNER || this == MANAGER;
    }

}
