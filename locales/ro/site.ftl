# Interface strings of the Bielefeld site (Romanian).
site-title = Promovăm integrarea!
