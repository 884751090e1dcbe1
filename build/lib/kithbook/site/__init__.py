"""The network site: pages generated from the network, and the MkDocs plugin that builds them."""
