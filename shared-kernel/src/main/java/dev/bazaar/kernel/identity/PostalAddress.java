package dev.bazaar.kernel.identity;

/** Where a user receives parcels. Personal data: it travels sealed in events and read models. */
public record PostalAddress(String line1, String line2, String postalCode, String city, String country) {

    @Override
    public String toString() {
        return "PostalAddress[***]";
    }

}
