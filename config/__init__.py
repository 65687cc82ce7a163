"""Django configuration of the LAMSA website (see README: why it is not in site/)."""
