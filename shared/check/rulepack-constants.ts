/** The link placeholder that context conditions see in place of a non-JD-Cloud link. */
export const LINK_PLACEHOLDER = '\uE000';
